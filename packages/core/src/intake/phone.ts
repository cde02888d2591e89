/** Only what people type into a phone field: digits, spaces, brackets, dashes, dots, one leading `+`. */
const PHONE_TEXT = /^\+?[\d\s\u00a0().-]+$/;

/**
 * A phone number in E.164, or null when it cannot be read as one (the caller then keeps the sender's text).
 * Russian numbers are recognised in their usual spellings; other countries need the leading `+`.
 * @example normalizePhone("8 (916) 123-45-67") // "+79161234567"
 * @example normalizePhone("9161234567") // "+79161234567"
 * @example normalizePhone("+49 30 1234567") // "+49301234567"
 */
export function normalizePhone(raw: string): string | null {
  const text = raw.trim();
  if (!PHONE_TEXT.test(text)) return null;
  const digits = text.replace(/\D/g, "");

  if (text.startsWith("+")) {
    // +7 (Russia, Kazakhstan) numbers always have ten digits after the country code.
    if (digits.startsWith("7")) return digits.length === 11 ? `+${digits}` : null;
    return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : null;
  }
  if (digits.length === 11 && (digits.startsWith("8") || digits.startsWith("7"))) return `+7${digits.slice(1)}`;
  // Ten digits starting with 9 is a Russian mobile written without the trunk prefix.
  if (digits.length === 10 && digits.startsWith("9")) return `+7${digits}`;
  return null;
}
