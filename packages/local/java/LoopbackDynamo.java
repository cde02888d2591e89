import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * Starts DynamoDB Local reachable from this machine only.
 *
 * DynamoDB Local checks no credentials, and its jar has no bind option: its DynamoDBProxyServer makes a
 * Jetty Server(port), which listens on every interface. This launcher builds the same server from the
 * same command-line options, binds its connector to 127.0.0.1 before it starts, and refuses (403) any
 * request a browser could make: one with an Origin header (another site's page calling localhost) or a
 * Host that is not loopback (DNS rebinding). Telemetry is always off. When stdin closes (the Node
 * parent died without stopping us) the server stops, so no Java process is left behind.
 *
 * Usage: java -cp <this>:DynamoDBLocal.jar:DynamoDBLocal_lib/* LoopbackDynamo -port N [-inMemory | -dbPath D] [-sharedDb]
 */
public final class LoopbackDynamo {
  static final String LOOPBACK = "127.0.0.1";

  public static void main(String[] args) throws Exception {
    List<String> options = new ArrayList<>(Arrays.asList(args));
    if (!options.contains("-disableTelemetry")) options.add("-disableTelemetry");
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(options.toArray(new String[0]));

    // The Jetty server is private to DynamoDBProxyServer; it is reached before start, so nothing ever listens wide.
    Field serverField = DynamoDBProxyServer.class.getDeclaredField("server");
    serverField.setAccessible(true);
    Server jetty = (Server) serverField.get(proxy);
    Connector[] connectors = jetty.getConnectors();
    if (connectors.length == 0) fail("DynamoDB Local's server has no connector to bind");
    for (Connector connector : connectors) {
      if (!(connector instanceof ServerConnector)) fail("unexpected connector " + connector.getClass().getName() + ": refusing to start unbound");
      ((ServerConnector) connector).setHost(LOOPBACK);
    }
    jetty.setHandler(new LocalCallersOnly(jetty.getHandler()));

    Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(proxy)));
    proxy.start();
    if (!jetty.isStarted()) fail("DynamoDB Local did not start");
    for (Connector connector : connectors) {
      ServerConnector bound = (ServerConnector) connector;
      if (!LOOPBACK.equals(bound.getHost())) fail("connector is not on loopback: " + bound.getHost());
      System.out.println("DynamoDB Local listening on " + LOOPBACK + ":" + bound.getLocalPort() + " only");
    }
    System.out.flush();

    Thread parentWatch = new Thread(() -> {
      try {
        while (System.in.read() != -1) { /* nothing is expected on stdin; only its end matters */ }
      } catch (Exception ignored) {
        // A broken stdin means the parent is gone as well.
      }
      System.exit(0);
    }, "parent-watch");
    parentWatch.setDaemon(true);
    parentWatch.start();
    proxy.join();
  }

  private static void stopQuietly(DynamoDBProxyServer proxy) {
    try {
      proxy.stop();
    } catch (Exception ignored) {
      // Stopping at exit: there is nobody left to tell.
    }
  }

  private static void fail(String message) {
    System.err.println("LoopbackDynamo: " + message);
    System.exit(2);
  }

  /** Lets through only callers that are programs on this machine, not web pages in its browser. */
  static final class LocalCallersOnly extends Handler.Wrapper {
    LocalCallersOnly(Handler handler) {
      super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      String origin = request.getHeaders().get(HttpHeader.ORIGIN);
      String host = request.getHeaders().get(HttpHeader.HOST);
      if (origin != null || !isLoopbackHost(host)) {
        Response.writeError(request, response, callback, 403, "DynamoDB Local here answers local programs only");
        return true;
      }
      return super.handle(request, response, callback);
    }

    static boolean isLoopbackHost(String host) {
      if (host == null) return false;
      String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.split(":", 2)[0];
      return name.equals(LOOPBACK) || name.equalsIgnoreCase("localhost") || name.equals("[::1]");
    }
  }
}
