package org.wardwatch.web;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.wardwatch.node.NodeVerticle;
import org.wardwatch.testing.TestNode;
import org.wardwatch.web.RestClient.Reply;

/**
 * What the tests of a node's HTTP side share: a whole node, deployed afresh for each test, and a client of its HTTP
 * port for requests with or without an origin and a JSON body.
 */
abstract class HttpNodeFixture {

  Vertx vertx;
  NodeVerticle node;
  RestClient http;

  @BeforeEach
  void startNode(Vertx vertx) {
    this.vertx = vertx;
    node = TestNode.deploy(vertx);
    http = new RestClient(node.httpPort());
  }

  Reply request(HttpMethod method, String uri, String origin) {
    return http.request(method, uri, origin, null);
  }

  Reply request(HttpMethod method, String uri, String origin, JsonObject json) {
    return http.request(method, uri, origin, json);
  }
}
