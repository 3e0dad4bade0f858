package io.tributary.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Tells the stack's {@link HttpCallListener} of each call a session sends: its system, status and time. */
final class ListeningInterceptor implements Interceptor {
    private final String system;
    private final HttpCallListener listener;

    ListeningInterceptor(String system, HttpCallListener listener) {
        this.system = system;
        this.listener = listener;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        long start = System.nanoTime();
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException e) {
            listener.called(system, HttpCallListener.IO_ERROR, System.nanoTime() - start);
            throw e;
        }
        listener.called(system, Integer.toString(response.code()), System.nanoTime() - start);
        return response;
    }
}
