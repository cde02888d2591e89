/**
 * The roles a key can carry. `manager` (a lead or account manager) and `sales_head` are bound to a
 * person (people/person.ts); a `contractor` key is bound to a contractor.
 */
export const roles = ["owner", "marketer", "contractor", "manager", "sales_head"] as const;
export type Role = (typeof roles)[number];

/**
 * Who is calling: the role of their API key, its name (what histories show), and what the key is
 * bound to: a contractor for a contractor key, a person for a manager's or head of sales' key.
 */
export type Principal = { keyId: string; role: Role; name?: string; contractorId?: string; personId?: string };
