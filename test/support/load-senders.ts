/**
 * Webhook senders as careless real ones behave: each posts leads one after another for a while,
 * sometimes sends an acknowledged lead again, and retries whatever did not get a 2xx until it does.
 * Every attempt is recorded so a test can check what each answer promised against what was stored.
 */

export type SenderSource = { key: string; format: "json" | "tilda"; utmSource: string; utmCampaign: string };

export type Attempt = {
  /** The HTTP status, or null when no answer came (connection refused or reset, or the attempt timed out). */
  status: number | null;
  error?: string;
  /** The lead the answer named, for a 2xx. */
  lead?: { id: string; duplicate: boolean };
  /** When the answer (or the failure) came, in ms since the run started. */
  at: number;
};

export type SentDelivery = {
  sender: number;
  externalId: string;
  /** True for a deliberate resend of a lead this sender already had acknowledged. */
  resend: boolean;
  attempts: Attempt[];
  /** The 2xx answer's lead; absent if the sender gave up. */
  acknowledged?: { id: string; duplicate: boolean };
};

export type LoadPlan = {
  /** The app's base URL (loopback). */
  url: string;
  /** One entry per sender. */
  senders: SenderSource[];
  /** Senders start new deliveries until this settles, then finish the ones under way. */
  until: Promise<unknown>;
  /** Every n-th delivery of the run (counted over all senders) resends an earlier acknowledged lead of its sender. */
  resendEvery: number;
  /** A delivery still without a 2xx this long after the run started is given up (the test then fails). */
  giveUpAfterMs: number;
  /** One attempt waits this long for an answer before it counts as hung. */
  attemptTimeoutMs: number;
  /** Makes each external id unique to this run. */
  runToken: string;
  /** Ends the run at once, retries included (a test that failed or finished early). */
  signal: AbortSignal;
};

/** Runs every sender concurrently and answers every delivery they made, attempts included. */
export async function runSenders(plan: LoadPlan): Promise<SentDelivery[]> {
  const startedAt = Date.now();
  let sending = true;
  const stop = () => (sending = false);
  plan.until.then(stop, stop);
  const run: Run = { startedAt, sending: () => sending, deliveries: 0, resendsOwed: 0 };
  const perSender = await Promise.all(plan.senders.map((source, index) => runSender(plan, source, index, run)));
  return perSender.flat();
}

type Run = {
  startedAt: number;
  sending: () => boolean;
  /** Deliveries started so far, all senders together. */
  deliveries: number;
  /** Resends due (one per `resendEvery` deliveries) that no sender with an acknowledged lead has made yet. */
  resendsOwed: number;
};

async function runSender(plan: LoadPlan, source: SenderSource, sender: number, run: Run): Promise<SentDelivery[]> {
  const random = seededRandom(sender + 1);
  const sent: SentDelivery[] = [];
  const acknowledged: Array<{ externalId: string; body: SenderBody }> = [];
  let count = 0;
  while (run.sending() && !plan.signal.aborted) {
    // A share of the whole run rather than a coin per sender: a slow machine, where each sender makes only a few deliveries, still resends.
    if (++run.deliveries % plan.resendEvery === 0) run.resendsOwed++;
    const resend = run.resendsOwed > 0 && acknowledged.length > 0;
    if (resend) run.resendsOwed--;
    let lead: { externalId: string; body: SenderBody };
    if (resend) {
      lead = acknowledged[Math.floor(random() * acknowledged.length)]!;
    } else {
      const externalId = `${plan.runToken}-${sender}-${count}`;
      lead = { externalId, body: senderBody(source, externalId, phoneOf(sender, count)) };
      count++;
    }
    const delivery: SentDelivery = { sender, externalId: lead.externalId, resend, attempts: [] };
    sent.push(delivery);
    await deliver(plan, source.key, lead.body, delivery, run.startedAt);
    if (!delivery.acknowledged) break; // given up: the run is over for this sender
    if (!resend) acknowledged.push(lead);
  }
  return sent;
}

/** Posts until a 2xx, with a short growing backoff, recording each attempt. */
async function deliver(plan: LoadPlan, key: string, body: SenderBody, delivery: SentDelivery, startedAt: number) {
  for (let attempt = 0; Date.now() - startedAt < plan.giveUpAfterMs && !plan.signal.aborted; attempt++) {
    const result = { ...(await post(`${plan.url}/hooks/${key}`, body, plan.attemptTimeoutMs, plan.signal)), at: Date.now() - startedAt };
    delivery.attempts.push(result);
    if (result.status !== null && result.status >= 200 && result.status < 300) {
      delivery.acknowledged = result.lead;
      return;
    }
    await sleep(50 * 2 ** Math.min(attempt, 4) * (0.5 + Math.random()));
  }
}

async function post(url: string, body: SenderBody, timeoutMs: number, runSignal: AbortSignal): Promise<Omit<Attempt, "at">> {
  try {
    const signal = AbortSignal.any([AbortSignal.timeout(timeoutMs), runSignal]);
    const response = await fetch(url, { method: "POST", headers: { "content-type": body.contentType }, body: body.text, signal });
    const text = await response.text();
    if (!response.ok) return { status: response.status, error: text.slice(0, 200) };
    const answer = JSON.parse(text) as { leads: Array<{ id: string; duplicate: boolean }> };
    const lead = answer.leads[0];
    if (!lead) return { status: response.status, error: `a 2xx naming no lead: ${text.slice(0, 200)}` };
    return { status: response.status, lead: { id: lead.id, duplicate: lead.duplicate } };
  } catch (error) {
    const { name, message, cause } = error as Error & { cause?: { code?: string } };
    return { status: null, error: name === "TimeoutError" ? "timeout" : (cause?.code ?? message) };
  }
}

type SenderBody = { contentType: string; text: string };

/** A lead as a `json` source or a Tilda form sends it, with the sender's id and a campaign's UTM. */
function senderBody(source: SenderSource, externalId: string, phone: string): SenderBody {
  const name = `Покупатель ${externalId.slice(-8)}`;
  if (source.format === "json") {
    return {
      contentType: "application/json",
      text: JSON.stringify({ externalId, name, phone, utm_source: source.utmSource, utm_campaign: source.utmCampaign }),
    };
  }
  const form = new URLSearchParams({ Name: name, Phone: phone, utm_source: source.utmSource, utm_medium: "cpc", utm_campaign: source.utmCampaign, tranid: externalId, formid: "form512345678" });
  return { contentType: "application/x-www-form-urlencoded", text: form.toString() };
}

/** A distinct Russian mobile number per lead, so no two leads are the same person. */
const phoneOf = (sender: number, count: number) => `+7916${String(sender).padStart(2, "0")}${String(count).padStart(5, "0")}`;

/** mulberry32: which earlier lead a resend repeats is the same from run to run (timing aside). */
function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
