package dearly.web;

import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * Jetty's HTTP/1.1 connections, except that a request whose address Jetty cannot read at all
 * ({@code /%2e%2e/ask}, which climbs above the root, or a NUL in the path) is still read to the end
 * of its headers before it is refused. Jetty refuses such a request on its request line, before any
 * header, so {@link JettyRefusals} could not know the language her browser asks for. The refusal
 * stays Jetty's: the same 400, through the same error handler, with a stand-in address that keeps
 * only the language prefix of the one she sent ({@code /es/}), never the unreadable rest.
 */
public final class UnreadableAddresses extends HttpConnectionFactory {
    public UnreadableAddresses(HttpConfiguration configuration) {
        super(configuration);
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        HttpConnection connection = new ReadingHeaders(getHttpConfiguration(), connector, endPoint);
        connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        return configure(connection, connector, endPoint);
    }

    /** The address a refused request is known by until its refusal: the root of the language its own address names. */
    static String standIn(String unreadable) {
        return LanguagePrefix.of(unreadable).map(language -> language.prefix() + "/").orElse("/");
    }

    private static final class ReadingHeaders extends HttpConnection {
        ReadingHeaders(HttpConfiguration configuration, Connector connector, EndPoint endPoint) {
            super(configuration, connector, endPoint);
        }

        @Override
        protected HttpStreamOverHTTP1 newHttpStream(String method, String uri, HttpVersion version) {
            try {
                return super.newHttpStream(method, uri, version);
            } catch (IllegalArgumentException unreadable) {
                return new Refused(method, standIn(uri), version, unreadable.getMessage());
            }
        }

        /** A request to refuse once its headers are read: they make the request Jetty's error handler is given. */
        private final class Refused extends HttpStreamOverHTTP1 {
            private final String reason;

            Refused(String method, String standIn, HttpVersion version, String reason) {
                super(method, standIn, version);
                this.reason = reason;
            }

            @Override
            public void parsedHeader(HttpField field) {
                // Never upgraded to HTTP/2, where the stand-in address would be served as if she had asked for it.
                if (field.getHeader() != HttpHeader.UPGRADE) super.parsedHeader(field);
            }

            @Override
            public Runnable headerComplete() {
                // Null when Jetty has refused it already (an Expect it does not know): nothing more to do.
                if (super.headerComplete() == null) return null;
                throw new BadMessageException(reason);
            }
        }
    }
}
