package io.mirrordrill.emulator.k8s.cluster;

import io.mirrordrill.emulator.element.VolumeData;
import io.mirrordrill.emulator.ontap.VolumeFiles;

import java.util.SortedSet;

/**
 * The filesystem a node mounts for a PV: an ONTAP volume over NFS ({@code ontap-nas}) or an Element volume over iSCSI
 * with a filesystem on the LUN ({@code solidfire-san}). Each call checks what the node would run into and throws the
 * data path's {@code DataPathException}.
 */
interface MountedVolume {
    String path();

    void append(String file, byte[] data);

    void write(String file, long offset, byte[] data);

    byte[] read(String file);

    byte[] read(String file, long offset, int length);

    long size(String file);

    boolean exists(String file);

    SortedSet<String> list();

    boolean isWritable();

    static MountedVolume of(VolumeFiles f) {
        return new MountedVolume() {
            public String path() { return f.path(); }
            public void append(String file, byte[] data) { f.append(file, data); }
            public void write(String file, long offset, byte[] data) { f.write(file, offset, data); }
            public byte[] read(String file) { return f.read(file); }
            public byte[] read(String file, long offset, int length) { return f.read(file, offset, length); }
            public long size(String file) { return f.size(file); }
            public boolean exists(String file) { return f.exists(file); }
            public SortedSet<String> list() { return f.list(); }
            public boolean isWritable() { return f.isWritable(); }
        };
    }

    static MountedVolume of(VolumeData d) {
        return new MountedVolume() {
            public String path() { return d.path(); }
            public void append(String file, byte[] data) { d.append(file, data); }
            public void write(String file, long offset, byte[] data) { d.write(file, offset, data); }
            public byte[] read(String file) { return d.read(file); }
            public byte[] read(String file, long offset, int length) { return d.read(file, offset, length); }
            public long size(String file) { return d.size(file); }
            public boolean exists(String file) { return d.exists(file); }
            public SortedSet<String> list() { return d.list(); }
            public boolean isWritable() { return d.isWritable(); }
        };
    }
}
