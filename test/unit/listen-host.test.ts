import { describe, expect, it } from "vitest";
import { hostForUrl, listenHost } from "../../packages/local/src/listen-host.js";

describe("npm start's listening address", () => {
  it("is 127.0.0.1 when HOST is unset or empty, with nothing to warn about", () => {
    expect(listenHost({})).toEqual({ host: "127.0.0.1", loopback: true });
    expect(listenHost({ HOST: " " })).toEqual({ host: "127.0.0.1", loopback: true });
  });

  it("takes another loopback address from HOST without a warning", () => {
    for (const HOST of ["localhost", "::1", "127.0.0.2"]) expect(listenHost({ HOST })).toEqual({ host: HOST, loopback: true });
  });

  it("warns, when HOST reaches other machines, what they can reach and that the database stays on loopback", () => {
    for (const HOST of ["0.0.0.0", "::", "192.0.2.2", "parom.lan"]) {
      const { host, loopback, warning } = listenHost({ HOST });
      expect({ host, loopback }).toEqual({ host: HOST, loopback: false });
      expect(warning).toContain(`HOST=${HOST}`);
      expect(warning).toMatch(/sign-in page, the API and the webhooks/);
      expect(warning).toMatch(/unencrypted/);
      expect(warning).toMatch(/DynamoDB Local, which has no authentication, still listens on 127\.0\.0\.1 only/);
    }
  });

  it("is named in printed URLs as localhost by default, IPv6 addresses in brackets", () => {
    expect(hostForUrl("127.0.0.1")).toBe("localhost");
    expect(hostForUrl("::1")).toBe("[::1]");
    expect(hostForUrl("192.0.2.2")).toBe("192.0.2.2");
  });
});
