package org.palflow.platform.embedded;

import io.grpc.ServerBuilder;
import io.grpc.ServerProvider;
import io.grpc.netty.NettyServerBuilder;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Keeps the in-process engine's gateway on loopback: its factory asks gRPC for a server "for a port",
 * which Netty would open on every interface and so expose an unauthenticated engine to the network.
 * The only gRPC server in this app is that gateway.
 */
public class LoopbackGrpcServerProvider extends ServerProvider {

    @Override
    protected boolean isAvailable() {
        return true;
    }

    @Override
    protected int priority() {
        return 10;
    }

    @Override
    protected ServerBuilder<?> builderForPort(int port) {
        return NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }
}
