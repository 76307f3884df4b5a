package io.mirrordrill.bench;

import io.mirrordrill.emulator.s3.S3Credentials;
import io.mirrordrill.emulator.s3.S3Server;
import io.mirrordrill.emulator.s3.S3Store;
import io.mirrordrill.port.objectstore.WriteCondition;
import io.mirrordrill.sim.World;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Small S3 requests per second against the S3 server on loopback (DESIGN target: at least 5,000/s): GET and HEAD of
 * a 1 KiB object and PUT of 1 KiB objects, in turn, on keep-alive connections ({@link LoopbackLoad}).
 *
 * <p>Every request is signed with SigV4 by the AWS SDK's own signer ({@code AwsV4HttpSigner}, signed payload, the
 * way the SDK signs over plain HTTP), once, before the run, and replayed: the server checks signatures but not clock
 * skew, so a replayed request is valid, and the clients spend nothing on HMACs or an HTTP library. The server pays
 * the whole cost of each request: parsing, SigV4 verification (payload hash included), the store under its lock.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.mirrordrill.bench.S3ServerThroughput [threads] [seconds]}
 * (defaults: 4 threads, 10 s measured after 10 s of warm-up).
 */
public final class S3ServerThroughput {
    private static final String BUCKET = "bench";
    private static final S3Credentials KEY = S3Credentials.of("AKBENCH", "bench-secret-5b1e");
    private static final int OBJECT_BYTES = 1024;
    /** PUTs rotate over a few keys, so the store holds a fixed set and the load stays the same over the run. */
    private static final int PUT_KEYS = 8;

    private S3ServerThroughput() {}

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        World world = new World(1);
        world.network().site("dc1");
        S3Store store = new S3Store(world, "bench", "dc1");
        store.port("dc1").createBucket(BUCKET);
        byte[] body = new byte[OBJECT_BYTES];
        Arrays.fill(body, (byte) 'x');
        store.port("dc1").put(BUCKET, "object", body, WriteCondition.NONE);
        try (S3Server server = S3Server.start(store, List.of(KEY))) {
            List<LoopbackLoad.Request> requests = new ArrayList<>();
            for (int i = 0; i < PUT_KEYS; i++) {
                requests.add(signed(server.port(), SdkHttpMethod.GET, "object", null));
                requests.add(signed(server.port(), SdkHttpMethod.HEAD, "object", null));
                requests.add(signed(server.port(), SdkHttpMethod.PUT, "put-" + i, body));
            }
            LoopbackLoad.run(server.port(), requests, threads, OntapRestThroughput.WARM_UP_SECONDS);
            LoopbackLoad.print("S3 server, signed 1 KiB GET/HEAD/PUT on loopback",
                    LoopbackLoad.run(server.port(), requests, threads, seconds), threads, seconds,
                    OntapRestThroughput.TARGET);
        }
    }

    /** One request signed by the AWS SDK, as the bytes an HTTP/1.1 client would send. */
    private static LoopbackLoad.Request signed(int port, SdkHttpMethod method, String key, byte[] body)
            throws Exception {
        byte[] payload = body == null ? new byte[0] : body;
        SdkHttpRequest.Builder http = SdkHttpRequest.builder().protocol("http").host("127.0.0.1").port(port)
                .method(method).encodedPath("/" + BUCKET + "/" + key)
                .putHeader("x-amz-content-sha256", HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(payload)));
        if (body != null) {
            http.putHeader("Content-Length", Integer.toString(body.length));
        }
        SdkHttpRequest request = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(KEY.accessKeyId(), KEY.secretAccessKey()))
                .request(http.build())
                .payload(ContentStreamProvider.fromByteArray(payload))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, S3Server.DEFAULT_REGION)
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true)).request();
        StringBuilder head = new StringBuilder(method.name()).append(' ').append(request.encodedPath())
                .append(" HTTP/1.1\r\n");
        for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
            head.append(h.getKey()).append(": ").append(String.join(",", h.getValue())).append("\r\n");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        bytes.writeBytes(payload);
        return new LoopbackLoad.Request(bytes.toByteArray(), method == SdkHttpMethod.HEAD);
    }
}
