package io.mirrordrill.emulator.element;

import io.mirrordrill.emulator.ontap.blocks.FileSystem;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * A snapshot's {@code checksum}: CRC-32 over the volume's files (path, then contents, in path order), written as
 * Element writes it ({@code 0x} and hex digits). Equal data gives equal checksums. It reads every byte, which is fine
 * for the small volumes of drills; a volume of many GiB would want a cheaper digest.
 */
final class Checksum {
    private Checksum() {
    }

    static String of(FileSystem data) {
        CRC32 crc = new CRC32();
        for (String path : data.list()) {
            crc.update(path.getBytes(StandardCharsets.UTF_8));
            crc.update(0);
            crc.update(data.read(path));
        }
        return "0x" + Long.toHexString(crc.getValue());
    }
}
