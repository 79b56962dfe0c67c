package dev.counterpoint.platform;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Streams that report the bytes through them to a {@link Progress}, so file work shows progress unchanged. */
public final class CountingStreams {

    private CountingStreams() {}

    public static InputStream reading(InputStream in, Progress progress) {
        return new FilterInputStream(in) {
            private long count;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    progress.done(++count);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    count += n;
                    progress.done(count);
                }
                return n;
            }
        };
    }

    public static OutputStream writing(OutputStream out, Progress progress) {
        return new FilterOutputStream(out) {
            private long count;

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                progress.done(++count);
            }

            @Override
            public void write(byte[] buffer, int offset, int length) throws IOException {
                out.write(buffer, offset, length);
                count += length;
                progress.done(count);
            }
        };
    }
}
