import { describe, expect, it } from "vitest";
import { normalizePhone } from "../../packages/core/src/intake/phone.js";

describe("normalizePhone", () => {
  it.each([
    ["8 (916) 123-45-67", "+79161234567"],
    ["+7 916 123 45 67", "+79161234567"],
    ["+7(916)1234567", "+79161234567"],
    ["79161234567", "+79161234567"],
    ["89161234567", "+79161234567"],
    ["9161234567", "+79161234567"],
    ["8-800-555-35-35", "+78005553535"],
    ["  8 916 123.45.67  ", "+79161234567"],
    ["8\u00a0916\u00a0123\u00a045\u00a067", "+79161234567"],
  ])("writes the Russian number %j as %j", (raw, e164) => {
    expect(normalizePhone(raw)).toBe(e164);
  });

  it.each([
    ["+49 30 1234567", "+49301234567"],
    ["+375 (29) 123-45-67", "+375291234567"],
    ["+1 212 555 0100", "+12125550100"],
  ])("keeps a foreign number with its + as %j -> %j", (raw, e164) => {
    expect(normalizePhone(raw)).toBe(e164);
  });

  it.each([
    [""],
    ["   "],
    ["916 123"], // too short
    ["4951234567"], // ten digits not starting with 9: no way to tell the country
    ["+7 916 123 45 6"], // +7 needs ten more digits
    ["+7 916 123 45 678"],
    ["+1234567"], // seven digits
    ["+1234567890123456"], // sixteen digits
    ["8 (916) 123-45-67 доб. 12"],
    ["звоните в офис"],
    ["7+9161234567"],
    ["++79161234567"],
  ])("gives up on %j so the caller keeps the sender's text", (raw) => {
    expect(normalizePhone(raw)).toBeNull();
  });
});
