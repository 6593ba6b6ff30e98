package io.invokeai.client;

/**
 * The server answered with an HTTP error. Carries the status, the method and path (never the query or headers, so no
 * token can leak) and the server's {@code detail}.
 */
public class InvokeAIServiceException extends InvokeAIException {
    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String method;
    private final String path;
    private final String detail;

    public InvokeAIServiceException(int statusCode, String method, String path, String detail) {
        super(method + " " + path + " failed with HTTP " + statusCode
                + (detail == null || detail.isBlank() ? "" : ": " + detail));
        this.statusCode = statusCode;
        this.method = method;
        this.path = path;
        this.detail = detail == null ? "" : detail;
    }

    /** Picks the most specific subclass for a status code. */
    public static InvokeAIServiceException of(int statusCode, String method, String path, String detail) {
        return switch (statusCode) {
            case 401, 403 -> new AuthenticationException(statusCode, method, path, detail);
            case 404 -> new NotFoundException(method, path, detail);
            case 409 -> new ConflictException(method, path, detail);
            case 422 -> new ServerValidationException(method, path, detail);
            default -> new InvokeAIServiceException(statusCode, method, path, detail);
        };
    }

    public int statusCode() {
        return statusCode;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** The server's error detail (FastAPI {@code detail}), or the raw body when it had none. */
    public String detail() {
        return detail;
    }

    /** 401 or 403: the token is missing, expired or lacks the right. */
    public static final class AuthenticationException extends InvokeAIServiceException {
        private static final long serialVersionUID = 1L;

        public AuthenticationException(int statusCode, String method, String path, String detail) {
            super(statusCode, method, path, detail);
        }
    }

    /** 404: the board, image, model, queue item or workflow does not exist. */
    public static final class NotFoundException extends InvokeAIServiceException {
        private static final long serialVersionUID = 1L;

        public NotFoundException(String method, String path, String detail) {
            super(404, method, path, detail);
        }
    }

    /** 409: a conflict, e.g. a duplicate model install or image storage maintenance running. */
    public static final class ConflictException extends InvokeAIServiceException {
        private static final long serialVersionUID = 1L;

        public ConflictException(String method, String path, String detail) {
            super(409, method, path, detail);
        }
    }

    /** 422: the server rejected the request body (pydantic validation); {@link #detail()} lists why. */
    public static final class ServerValidationException extends InvokeAIServiceException {
        private static final long serialVersionUID = 1L;

        public ServerValidationException(String method, String path, String detail) {
            super(422, method, path, detail);
        }
    }
}
