package io.mirrordrill.scenario.crash;

import io.mirrordrill.port.objectstore.BucketInfo;
import io.mirrordrill.port.objectstore.ByteRange;
import io.mirrordrill.port.objectstore.ListPage;
import io.mirrordrill.port.objectstore.ListRequest;
import io.mirrordrill.port.objectstore.ObjectContent;
import io.mirrordrill.port.objectstore.ObjectInfo;
import io.mirrordrill.port.objectstore.ObjectStorePort;
import io.mirrordrill.port.objectstore.WriteCondition;

import java.util.List;

/**
 * The object store port with each call counted by the crash point ({@link CrashingPorts#call}): a plain forwarding
 * class rather than a reflective proxy, which boxed every call's arguments and invoked the target reflectively.
 * The compiler keeps it complete: a method added to the port must be forwarded here, defaults included (each
 * counts as the one call the engine made, as the proxy counted it).
 */
final class CountedObjectStorePort implements ObjectStorePort {
    private final CrashingPorts crash;
    private final ObjectStorePort target;

    CountedObjectStorePort(CrashingPorts crash, ObjectStorePort target) {
        this.crash = crash;
        this.target = target;
    }

    @Override
    public void createBucket(String bucket) {
        crash.run(() -> target.createBucket(bucket));
    }

    @Override
    public boolean bucketExists(String bucket) {
        return crash.call(() -> target.bucketExists(bucket));
    }

    @Override
    public List<BucketInfo> listBuckets() {
        return crash.call(() -> target.listBuckets());
    }

    @Override
    public String put(String bucket, String key, byte[] content, WriteCondition condition) {
        return crash.call(() -> target.put(bucket, key, content, condition));
    }

    @Override
    public String put(String bucket, String key, byte[] content) {
        return crash.call(() -> target.put(bucket, key, content));
    }

    @Override
    public ObjectContent get(String bucket, String key, ByteRange range) {
        return crash.call(() -> target.get(bucket, key, range));
    }

    @Override
    public ObjectContent get(String bucket, String key) {
        return crash.call(() -> target.get(bucket, key));
    }

    @Override
    public ObjectInfo head(String bucket, String key) {
        return crash.call(() -> target.head(bucket, key));
    }

    @Override
    public void delete(String bucket, String key) {
        crash.run(() -> target.delete(bucket, key));
    }

    @Override
    public ListPage list(ListRequest request) {
        return crash.call(() -> target.list(request));
    }

    @Override
    public String toString() {
        return target.toString();
    }
}
