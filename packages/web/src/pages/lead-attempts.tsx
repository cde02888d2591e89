import type { FC } from "hono/jsx";
import { type ContactAttempt, type ContactAttemptInput, type ContactAttemptSummary, contactChannels, contactResults, MIN_DAYS, MIN_TIMES_OF_DAY, NO_CONTACT_REASON, UNANSWERED_LIMIT } from "@parom/core/lead";
import { zonedInstant } from "@parom/core";
import { Csrf, Field, Problems, Select, type FormState } from "../components/form.js";
import type { View } from "../view.js";

type AttemptsProps = {
  v: View;
  leadId: string;
  summary: ContactAttemptSummary;
  /** Oldest first. */
  attempts: ContactAttempt[];
  /** Who recorded an attempt, in the words the stage history uses. */
  who: (actor: string) => string;
  form: FormState;
  now: Date;
  timeZone: string;
};

/**
 * The lead's contact attempts with the contact rule's count, and the form that records one. The
 * page and the form's route let in whoever works the lead (leads.work), as POST /api/leads/{id}/contact-attempts.
 */
export const ContactAttemptsSection: FC<AttemptsProps> = ({ v, leadId, summary, attempts, who, form, now, timeZone }) => {
  const t = v.t.leads.attempts;
  return (
    <section aria-labelledby="attempts">
      <h2 id="attempts">{t.title}</h2>
      <p>
        {t.summary(summary.count, summary.unansweredInARow)} <span class="muted">{t.rule(UNANSWERED_LIMIT, MIN_DAYS, MIN_TIMES_OF_DAY, v.t.words.lostReason(NO_CONTACT_REASON))}</span>
      </p>
      {attempts.length === 0 ? (
        <p class="muted">{t.none}</p>
      ) : (
        <ol class="history">
          {attempts.map((a) => (
            <li>
              <time datetime={a.at}>{v.fmt.dateTime(a.at)}</time> — {t.channel[a.channel]}, {t.result[a.result]}, {t.timeOfDay[a.timeOfDay ?? "night"]}{" "}
              <span class="muted">({a.personId && a.by ? a.by : who(a.actor)})</span>
            </li>
          ))}
        </ol>
      )}
      <h3>{t.record}</h3>
      <Problems v={v} state={form} labels={{ at: t.at, channel: t.channelLabel, result: t.resultLabel }} />
      <form method="post" action={`/leads/${leadId}/contact-attempts`} class="filters">
        <Csrf v={v} />
        <Field state={form} name="at" label={t.at} type="datetime-local" value={wallClock(now, timeZone)} hint={t.atHint(timeZone)} required />
        <Select state={form} name="channel" label={t.channelLabel} options={contactChannels.map((c) => ({ value: c, label: t.channel[c] }))} />
        <Select state={form} name="result" label={t.resultLabel} options={contactResults.map((r) => ({ value: r, label: t.result[r] }))} />
        <button type="submit">{t.submit}</button>
      </form>
    </section>
  );
};

/** The posted form as the API's input: the wall-clock time it names is read in the workspace zone. */
export function attemptFields(values: Record<string, string>, timeZone: string): Record<keyof ContactAttemptInput, string | undefined> {
  return { at: zonedDateTime(values.at, timeZone), channel: values.channel, result: values.result };
}

/** `at` as a `datetime-local` value in `timeZone` ("2026-03-02T12:00"). */
function wallClock(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
    .formatToParts(at)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** A `datetime-local` value read in `timeZone` as an ISO time; anything else stays for the schema to refuse. */
function zonedDateTime(value: string | undefined, timeZone: string): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  return zonedInstant(text, timeZone)?.toISOString() ?? text;
}
