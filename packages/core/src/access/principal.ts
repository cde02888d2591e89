export const roles = ["owner", "marketer", "contractor"] as const;
export type Role = (typeof roles)[number];

/** Who is calling: the role of their API key, and for a contractor the contractor it is bound to. */
export type Principal = { keyId: string; role: Role; contractorId?: string };
