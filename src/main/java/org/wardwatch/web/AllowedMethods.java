package org.wardwatch.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The methods a {@link Router}'s routes take on a path, for the {@code Allow} header a 405 must carry (RFC 9110,
 * 15.5.6). Looks at the routes named by a path (with {@code :param} parts) and restricted to methods; a route for
 * every method (a body handler's) adds nothing. Vert.x does not show the regular expression of a route named by one,
 * so the methods of the one such route a 405 concerns, the dashboard's files, are given with its paths. Read at each
 * 405, so routes added later count.
 */
final class AllowedMethods {

  private static final Pattern PARAMETER = Pattern.compile(":[A-Za-z0-9_]+");

  private final Router router;
  private final Pattern filePaths;
  private final String fileMethods;

  /** The methods of {@code router}'s routes, and {@code fileMethods} on the paths {@code filePaths} matches. */
  AllowedMethods(Router router, Pattern filePaths, String fileMethods) {
    this.router = router;
    this.filePaths = filePaths;
    this.fileMethods = fileMethods;
  }

  /** The methods taken on {@code path}, comma-separated in alphabetical order ({@code "GET, POST"}). */
  String on(String path) {
    Set<String> methods = new TreeSet<>();
    for (Route route : router.getRoutes()) {
      if (route.getPath() != null && route.methods() != null && matches(route.getPath(), path)) {
        route.methods().stream().map(HttpMethod::name).forEach(methods::add);
      }
    }
    return methods.isEmpty() && filePaths.matcher(path).matches() ? fileMethods : String.join(", ", methods);
  }

  /** True when {@code path} is one that route path {@code pattern} names: each {@code :param} one segment. */
  private static boolean matches(String pattern, String path) {
    StringBuilder regex = new StringBuilder();
    int from = 0;
    for (var parameter = PARAMETER.matcher(pattern); parameter.find(); from = parameter.end()) {
      regex.append(Pattern.quote(pattern.substring(from, parameter.start()))).append("[^/]+");
    }
    regex.append(Pattern.quote(pattern.substring(from)));
    return Pattern.matches(regex + "/?", path);
  }
}
