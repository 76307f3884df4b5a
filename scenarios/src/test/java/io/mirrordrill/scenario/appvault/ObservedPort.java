package io.mirrordrill.scenario.appvault;

import io.mirrordrill.port.objectstore.BucketInfo;
import io.mirrordrill.port.objectstore.ByteRange;
import io.mirrordrill.port.objectstore.ListPage;
import io.mirrordrill.port.objectstore.ListRequest;
import io.mirrordrill.port.objectstore.ObjectContent;
import io.mirrordrill.port.objectstore.ObjectInfo;
import io.mirrordrill.port.objectstore.ObjectStorePort;
import io.mirrordrill.port.objectstore.WriteCondition;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An emulator port with the calls counted and a hook before every put and delete: where a test crashes the
 * engine ({@link Crash}) or strikes a fault at an exact point of a write.
 */
final class ObservedPort implements ObjectStorePort {
    /** The engine process dies here: nothing after this point of the operation happens. */
    static final class Crash extends RuntimeException {
        Crash(String where) {
            super("simulated crash before " + where);
        }
    }

    private final ObjectStorePort delegate;
    final List<String> puts = new ArrayList<>();
    final List<String> deletes = new ArrayList<>();
    int lists;
    Consumer<String> beforePut = key -> { };
    Consumer<String> beforeDelete = key -> { };

    ObservedPort(ObjectStorePort delegate) {
        this.delegate = delegate;
    }

    @Override
    public void createBucket(String bucket) {
        delegate.createBucket(bucket);
    }

    @Override
    public boolean bucketExists(String bucket) {
        return delegate.bucketExists(bucket);
    }

    @Override
    public List<BucketInfo> listBuckets() {
        return delegate.listBuckets();
    }

    @Override
    public String put(String bucket, String key, byte[] content, WriteCondition condition) {
        beforePut.accept(key);
        puts.add(key);
        return delegate.put(bucket, key, content, condition);
    }

    @Override
    public ObjectContent get(String bucket, String key, ByteRange range) {
        return delegate.get(bucket, key, range);
    }

    @Override
    public ObjectInfo head(String bucket, String key) {
        return delegate.head(bucket, key);
    }

    @Override
    public void delete(String bucket, String key) {
        beforeDelete.accept(key);
        deletes.add(key);
        delegate.delete(bucket, key);
    }

    @Override
    public ListPage list(ListRequest request) {
        lists++;
        return delegate.list(request);
    }
}
