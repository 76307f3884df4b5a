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
 * Snapshot cost against logical volume size. Each volume holds 1 MiB spread evenly over its whole address range
 * (the worst case for a tree: no shared paths); each operation rewrites one of those blocks and takes a snapshot,
 * so the data stays 1 MiB at every size. The claim: the time is flat from 1 GiB to 1 TiB.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SnapshotBenchmark {
    @Param({"1073741824", "68719476736", "1099511627776"})
    public long logicalSize;

    private FileSystem fs;
    private long stride;
    private int next;

    @Setup(Level.Trial)
    public void fill() {
        fs = new FileSystem(logicalSize);
        stride = logicalSize / 256 / Image.BLOCK_SIZE * Image.BLOCK_SIZE;
        for (int i = 0; i < 256; i++) {
            fs.write("data", i * stride, new byte[Image.BLOCK_SIZE]);
        }
    }

    @Benchmark
    public Image writeOneBlockThenSnapshot() {
        next = (next + 97) % 256;
        fs.write("data", next * stride, new byte[16]);
        return fs.freeze();
    }
}
