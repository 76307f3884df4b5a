package io.mirrordrill.port.objectstore;

import java.util.Arrays;

/**
 * What a {@code GetObject} returned: the object's metadata and the bytes asked for, which start at {@code offset}
 * (0 unless a range was asked for). The byte array is copied in and out, so a record cannot be changed afterwards.
 */
public record ObjectContent(ObjectInfo info, long offset, byte[] bytes) {
    public ObjectContent {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** True when the bytes are the whole object, not a range of it. */
    public boolean isWhole() {
        return offset == 0 && bytes.length == info.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectContent c && c.info.equals(info) && c.offset == offset && Arrays.equals(c.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * info.hashCode() + Long.hashCode(offset)) + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "ObjectContent[" + info + ", offset=" + offset + ", " + bytes.length + " bytes]";
    }
}
