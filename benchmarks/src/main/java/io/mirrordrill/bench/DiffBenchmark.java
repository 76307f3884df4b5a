package io.mirrordrill.bench;

import io.mirrordrill.emulator.ontap.blocks.FileSystem;
import io.mirrordrill.emulator.ontap.blocks.Image;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The difference between two snapshots of a 1 TiB volume holding 512 MiB, against the number of changed blocks
 * (scattered, so no two changes share a leaf). The claim: time grows with the change, not with the volume.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DiffBenchmark {
    private static final int BASE_BLOCKS = 131_072;

    @Param({"64", "512", "4096", "32768"})
    public int changedBlocks;

    private Image before;
    private Image after;

    @Setup(Level.Trial)
    public void build() {
        FileSystem fs = new FileSystem(1L << 40);
        byte[] block = new byte[Image.BLOCK_SIZE];
        for (int i = 0; i < BASE_BLOCKS; i++) {
            fs.write("data", (long) i * Image.BLOCK_SIZE, block);
        }
        before = fs.freeze();
        int stride = BASE_BLOCKS / changedBlocks;
        for (int i = 0; i < changedBlocks; i++) {
            fs.write("data", (long) i * stride * Image.BLOCK_SIZE, new byte[8]);
        }
        after = fs.freeze();
        if (Image.changedBlocks(before, after) != changedBlocks) {
            throw new IllegalStateException("set-up changed the wrong number of blocks");
        }
    }

    @Benchmark
    public long diff() {
        return Image.changedBlocks(before, after);
    }
}
