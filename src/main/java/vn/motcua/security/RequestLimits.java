package vn.motcua.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.motcua.web.ProblemTexts;

/**
 * Limits on what a request may make the application read: a body size for everything but
 * multipart uploads to our API (which the multipart limits cap while the parts go to disk), and
 * Jackson's nesting depth and string length, so a hostile JSON document is refused before it costs
 * memory. The size is checked on the declared {@code Content-Length} and, since a chunked body
 * declares none, counted again while the application reads it; multipart bodies of the engine
 * REST API and Camunda's webapps (read into memory there) get a limit of their own.
 */
@Configuration(proxyBeanMethods = false)
class RequestLimits {

    static final int MAX_JSON_DEPTH = 64;
    static final int MAX_JSON_STRING = 1_000_000;

    @Bean
    FilterRegistrationBean<BodySizeFilter> bodySizeFilter(SecurityProperties settings, ObjectMapper json,
            MessageSource messages) {
        FilterRegistrationBean<BodySizeFilter> registration = new FilterRegistrationBean<>(new BodySizeFilter(
                settings.maxBodySize().toBytes(), settings.maxEngineUploadSize().toBytes(), json, new ProblemTexts(messages)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer jsonReadLimits() {
        return builder -> builder.postConfigurer(mapper -> {
            JsonFactory factory = mapper.getFactory();
            factory.setStreamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_JSON_DEPTH)
                    .maxStringLength(MAX_JSON_STRING)
                    .build());
        });
    }

    static final class BodySizeFilter extends OncePerRequestFilter {

        private final long maxBytes;
        private final long maxEngineUpload;
        private final ObjectMapper json;
        private final ProblemTexts texts;

        BodySizeFilter(long maxBytes, long maxEngineUpload, ObjectMapper json, ProblemTexts texts) {
            this.maxBytes = maxBytes;
            this.maxEngineUpload = maxEngineUpload;
            this.json = json;
            this.texts = texts;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String type = request.getContentType();
            boolean multipart = type != null && type.toLowerCase().startsWith("multipart/");
            String path = request.getRequestURI().substring(request.getContextPath().length());
            boolean engine = path.startsWith("/camunda/") || path.startsWith("/engine-rest/");
            long limit = !multipart ? maxBytes : engine ? maxEngineUpload : -1;
            if (limit >= 0 && request.getContentLengthLong() > limit) {
                tooLarge(response, limit);
                return;
            }
            // Query and form parameters of our own pages and APIs; Camunda's REST resources read
            // their forms themselves, so their bodies are left unread here.
            if (!multipart && !engine
                    && request.getParameterMap().entrySet().stream().anyMatch(parameter ->
                            ControlCharacters.hasControlCharacter(parameter.getKey())
                                    || java.util.Arrays.stream(parameter.getValue()).anyMatch(ControlCharacters::hasControlCharacter))) {
                refuse(response, texts.problem(HttpStatus.BAD_REQUEST, "security.title.controlCharacters",
                        "security.controlCharacters.parameter"));
                return;
            }
            if (limit < 0) {
                chain.doFilter(request, response);
                return;
            }
            LimitedRequest limited = new LimitedRequest(request, limit);
            DiscardedOnceTooLarge answer = new DiscardedOnceTooLarge(response, limited);
            try {
                chain.doFilter(limited, answer);
            } catch (IOException | ServletException | RuntimeException e) {
                if (!limited.exceeded()) {
                    throw e;
                }
            }
            // Whatever the reader made of the cut-off body (Spring: an IOException, Jersey: a 500),
            // the answer is 413: the application's own answer was discarded.
            if (limited.exceeded() && !response.isCommitted()) {
                response.reset();
                tooLarge(response, limit);
            }
        }

        private void tooLarge(HttpServletResponse response, long limit) throws IOException {
            // The client may still be sending: say so, so that it stops.
            response.setHeader("Connection", "close");
            refuse(response, texts.problem(HttpStatus.PAYLOAD_TOO_LARGE, "security.title.tooLarge", "security.tooLarge",
                    limit));
        }

        private void refuse(HttpServletResponse response, ProblemDetail problem) throws IOException {
            response.setStatus(problem.getStatus());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
        }
    }

    /** The body of a request, cut off with an IOException once it exceeds the limit. */
    static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private final AtomicLong read = new AtomicLong();
        private volatile boolean exceeded;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        boolean exceeded() {
            return exceeded;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream body = super.getInputStream();
                stream = new ServletInputStream() {
                    @Override
                    public int read() throws IOException {
                        int b = body.read();
                        if (b != -1) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = body.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return body.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return body.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        body.setReadListener(listener);
                    }
                };
            }
            return stream;
        }

        private BufferedReader reader;

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                reader = new BufferedReader(new InputStreamReader(getInputStream(),
                        encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
            }
            return reader;
        }

        private void count(int n) throws IOException {
            if (read.addAndGet(n) > limit) {
                exceeded = true;
                throw new IOException("request body exceeds " + limit + " bytes");
            }
        }
    }

    /** The response, until the request's body turned out too large: from then on, nothing reaches the client. */
    static final class DiscardedOnceTooLarge extends HttpServletResponseWrapper {

        private final LimitedRequest request;

        DiscardedOnceTooLarge(HttpServletResponse response, LimitedRequest request) {
            super(response);
            this.request = request;
        }

        private ServletOutputStream stream;

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                ServletOutputStream real = super.getOutputStream();
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        if (!request.exceeded()) {
                            real.write(b);
                        }
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        if (!request.exceeded()) {
                            real.write(bytes, offset, length);
                        }
                    }

                    @Override
                    public void flush() throws IOException {
                        if (!request.exceeded()) {
                            real.flush();
                        }
                    }

                    @Override
                    public boolean isReady() {
                        return real.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        real.setWriteListener(listener);
                    }
                };
            }
            return stream;
        }

        /** Pages write their answer only after reading the request: the container's own writer then. */
        @Override
        public PrintWriter getWriter() throws IOException {
            return request.exceeded() ? new PrintWriter(java.io.Writer.nullWriter()) : super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!request.exceeded()) {
                super.flushBuffer();
            }
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (!request.exceeded()) {
                super.sendError(status, message);
            }
        }

        @Override
        public void sendError(int status) throws IOException {
            if (!request.exceeded()) {
                super.sendError(status);
            }
        }

        @Override
        public void setStatus(int status) {
            if (!request.exceeded()) {
                super.setStatus(status);
            }
        }
    }
}
