package dev.counterpoint.platform;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/** A stop asked for while Quarkus was still booting (before it listened for one) is carried out once it is up. */
@Singleton
class StopDuringStartup {

    void onStart(@Observes StartupEvent event) {
        if (ShutdownOrder.hasBegun()) {
            Quarkus.asyncExit(143);
        }
    }
}
