import { z } from "zod";
import { roles, type Principal } from "../access/principal.js";
import { Contractors } from "../contractor/contractor.js";
import type { Ctx } from "../context.js";
import { defineEntity } from "../db/entity.js";
import { ConflictError, DomainError, InvalidInputError } from "../errors.js";
import { newId } from "../ids.js";
import type { Mailer } from "./mailer.js";
import { ReportSends } from "./store.js";

/**
 * Sending one kept report again, by hand: the mail as it was first rendered, to the contractor's
 * address of now, through the deployment's mailer (the outbox locally). Each resend is its own item,
 * keyed by its request key, so a repeated request (a double click, a retried call with the same
 * Idempotency-Key) sends once, while a new request always sends, whatever happened to the original.
 */
const resendStatuses = ["sending", "sent", "failed"] as const;

/** Who asked: the key, its role and its name, as pages name people. */
const ActorSchema = z.object({ keyId: z.string(), role: z.enum(roles), name: z.string().optional() });

export const ReportResendEntity = defineEntity({
  type: "reportResend",
  schema: z.object({
    id: z.string(),
    reportId: z.string(),
    contractorId: z.string(),
    requestKey: z.string(),
    status: z.enum(resendStatuses),
    recipient: z.string(),
    actor: ActorSchema,
    at: z.string(),
    messageId: z.string().nullable().default(null),
    lastError: z.string().nullable().default(null),
  }),
  key: ({ reportId, requestKey }: { reportId: string; requestKey: string }) => ({ pk: `REPORTRESEND#${reportId}`, sk: `RESEND#${requestKey}` }),
  partition: { of: ({ reportId }: { reportId: string }) => `REPORTRESEND#${reportId}`, sortPrefix: "RESEND#" },
  patterns: {
    byContractor: { index: "gsi2", partition: (r: { contractorId: string }) => `REPORTRESENDS#CONTRACTOR#${r.contractorId}`, sort: (r: { id: string }) => r.id },
  },
});

export type ReportResend = Omit<z.infer<typeof ReportResendEntity.schema>, "requestKey">;

/** An Idempotency-Key (or a form's one-time key): a short token that fits an item key. */
const RequestKey = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "letters, digits, - and _ only, at most 64");

const asResend = ({ requestKey: _key, ...resend }: z.infer<typeof ReportResendEntity.schema>): ReportResend => resend;

export const ReportResends = {
  /**
   * Sends report `reportId` again. `created` is false when `requestKey` was used before: the answer
   * is that earlier resend, and nothing is sent. A contractor with no address is refused (409).
   */
  async resend(
    ctx: Ctx,
    reportId: string,
    options: { requestKey?: string; actor: Pick<Principal, "keyId" | "role" | "name">; send: Mailer["send"] },
  ): Promise<{ resend: ReportResend; created: boolean }> {
    const requestKey = options.requestKey ?? newId();
    const keyCheck = RequestKey.safeParse(requestKey);
    if (!keyCheck.success) throw new InvalidInputError("bad Idempotency-Key", [{ path: "Idempotency-Key", message: keyCheck.error.issues[0]!.message }]);
    const stored = await ReportSends.get(ctx, reportId);
    // A key of our own was never used: only a caller's key can name an earlier resend.
    const earlier = options.requestKey === undefined ? undefined : await ReportResendEntity.get(ctx, { reportId, requestKey }, { consistent: true });
    if (earlier) return { resend: asResend(earlier), created: false };
    if (!stored.mail) throw new DomainError("report_not_rendered", `report ${reportId} is claimed but not rendered yet; a later run renders it`, "conflict");
    const contractor = await Contractors.get(ctx, stored.contractorId);
    if (!contractor.email) {
      // The name stays in the details: pages word the refusal themselves, and a name in the message would pass for their words.
      throw new ConflictError("contractor_no_email", `contractor ${contractor.id} has no e-mail address for reports; give it one before sending again`, {
        contractorId: contractor.id,
        contractorName: contractor.name,
      });
    }
    const { keyId, role, name } = options.actor;
    const item = {
      id: newId(),
      reportId,
      contractorId: stored.contractorId,
      requestKey,
      status: "sending" as const,
      recipient: contractor.email,
      actor: { keyId, role, ...(name ? { name } : {}) },
      at: ctx.now().toISOString(),
      messageId: null,
      lastError: null,
    };
    // The claim: of two requests with one key, only the first sends.
    if (!(await ReportResendEntity.put(ctx, item, "new"))) {
      return { resend: asResend((await ReportResendEntity.get(ctx, { reportId, requestKey }, { consistent: true }))!), created: false };
    }
    let outcome: Pick<ReportResend, "status" | "messageId" | "lastError">;
    try {
      const { messageId } = await options.send({ ...stored.mail, to: contractor.email });
      outcome = { status: "sent", messageId, lastError: null };
    } catch (error) {
      outcome = { status: "failed", messageId: null, lastError: (error instanceof Error ? error.message : String(error)).slice(0, 1000) };
    }
    await ReportResendEntity.update(ctx, { reportId, requestKey }, { set: outcome });
    return { resend: asResend({ ...item, ...outcome }), created: true };
  },

  /** The resends of one report, oldest first: one query of its partition. */
  async ofReport(ctx: Ctx, reportId: string): Promise<ReportResend[]> {
    return (await ReportResendEntity.inPartition(ctx, { reportId })).map(asResend);
  },

  /** A contractor's latest resends, newest first: one query, for the contractors page. */
  async ofContractor(ctx: Ctx, contractorId: string, limit: number): Promise<ReportResend[]> {
    return (await ReportResendEntity.page(ctx, "byContractor", { contractorId }, { limit, newestFirst: true })).items.map(asResend);
  },
};
