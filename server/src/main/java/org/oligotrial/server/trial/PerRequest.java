package org.oligotrial.server.trial;

import java.util.function.Supplier;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A value read once per HTTP request and kept in the request's attributes: the request's trial, its protocol
 * version and services, and the signed-in actor, which a page asks for many times while it is built (the page's
 * handler, the header, the access checks). Each request still reads them afresh: a role, a site or a protocol version
 * changed by another request or process is seen from the next request on. Outside a request (commands, background
 * work) the value is read on every call.
 *
 * <p>Thread safety: a request's attributes belong to the thread serving it.
 */
public final class PerRequest {
  private PerRequest() {}

  /**
   * The value kept under {@code key} in this request, read by {@code read} the first time.
   *
   * @param key a name unique to the caller (its class name and what it keeps)
   * @param read reads the value; not called again in the same request once it returned (null is not kept)
   */
  @SuppressWarnings("unchecked")
  public static <T> T get(String key, Supplier<T> read) {
    RequestAttributes r = RequestContextHolder.getRequestAttributes();
    if (r == null) {
      return read.get();
    }
    return get(r, key, read);
  }

  /**
   * As {@link #get(String, Supplier)}, for a servlet filter that runs before the request is bound to the thread: the
   * value is kept in the same request attribute, so the page's later calls find it.
   */
  public static <T> T get(jakarta.servlet.http.HttpServletRequest request, String key, Supplier<T> read) {
    return get(new org.springframework.web.context.request.ServletRequestAttributes(request), key, read);
  }

  @SuppressWarnings("unchecked")
  private static <T> T get(RequestAttributes r, String key, Supplier<T> read) {
    Object kept = r.getAttribute(key, RequestAttributes.SCOPE_REQUEST);
    if (kept != null) {
      return (T) kept;
    }
    T value = read.get();
    if (value != null) {
      r.setAttribute(key, value, RequestAttributes.SCOPE_REQUEST);
    }
    return value;
  }
}
