package org.palflow.platform.web;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Evidence files of up to 500 MB are streamed through the request body: Tomcat reads the socket in 64 KB instead of
 * 8 KB, so a large upload costs an eighth of the reads and waits.
 */
@Component
class LargeUploads implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    static final int SOCKET_READ_BUFFER = 64 * 1024;

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            connector.setProperty("socket.appReadBufSize", String.valueOf(SOCKET_READ_BUFFER));
            connector.setProperty("socket.rxBufSize", String.valueOf(SOCKET_READ_BUFFER * 4));
        });
    }
}
