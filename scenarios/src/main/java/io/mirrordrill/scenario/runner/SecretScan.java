package io.mirrordrill.scenario.runner;

import io.mirrordrill.emulator.s3.S3Store;
import io.mirrordrill.port.MirrordrillException;
import io.mirrordrill.port.objectstore.ListPage;
import io.mirrordrill.port.objectstore.ListRequest;
import io.mirrordrill.port.objectstore.ObjectInfo;
import io.mirrordrill.port.objectstore.ObjectStorePort;
import io.mirrordrill.scenario.drill.WorldSpec;
import io.mirrordrill.scenario.report.DrillResult;
import io.mirrordrill.scenario.report.Output;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The end-of-drill half of {@code no-secret-in-output}: every rendering of the (redacted) result a person gets (the
 * terminal summary, JSON, JUnit XML, HTML: steps, evidence, expectations' "found", the timeline) and every object the
 * engine wrote to the buckets (archives) must not hold a secret value, raw, base64 or escaped. The trace, statuses
 * and Events are checked after every step.
 */
final class SecretScan {
    private SecretScan() {
    }

    /** Where a secret shows; empty when nowhere. */
    static List<String> leaks(Estate estate, WorldSpec world, List<Output> outputs, DrillResult result) {
        List<String> found = new ArrayList<>();
        for (Output o : outputs) {
            found.addAll(estate.redactor().leaks(o.name(), o.render().apply(result)));
        }
        for (WorldSpec.ObjectStore s : world.objectStores()) {
            S3Store store = estate.store(s.host());
            for (String bucket : s.buckets()) {
                found.addAll(bucket(estate, store, bucket));
            }
        }
        return found;
    }

    private static List<String> bucket(Estate estate, S3Store store, String bucket) {
        List<String> found = new ArrayList<>();
        try {
            ObjectStorePort port = store.port(store.site());
            ListRequest request = ListRequest.of(bucket);
            while (true) {
                ListPage page = port.list(request);
                for (ObjectInfo o : page.objects()) {
                    String text = new String(port.get(bucket, o.key()).bytes(), StandardCharsets.UTF_8);
                    if (estate.redactor().shows(text)) {
                        found.add("object " + store.name() + "/" + bucket + "/" + o.key());
                    }
                }
                if (!page.truncated()) {
                    return found;
                }
                request = request.withContinuationToken(page.nextContinuationToken());
            }
        } catch (MirrordrillException unreadable) {
            return found;  // a bucket in an outage at the end cannot be scanned; the trace and statuses were
        }
    }
}
