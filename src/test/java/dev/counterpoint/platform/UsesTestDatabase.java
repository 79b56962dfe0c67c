package dev.counterpoint.platform;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Registers {@link TestDatabase} for every @QuarkusTest (a test resource on any class applies to all of them),
 * so all tests share one real PostgreSQL per run.
 */
@QuarkusTestResource(TestDatabase.class)
public class UsesTestDatabase {}
