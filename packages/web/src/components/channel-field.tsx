import type { FC } from "hono/jsx";
import { channelChoices, typedChannelName } from "../channel-choices.js";
import type { View } from "../view.js";
import { Field, Select, type FormState } from "./form.js";

/**
 * A hypothesis' channel as a select named in words, with a text field beside it for a channel the
 * list lacks ("другой канал…"), so nobody types a code. `current`: the channel held now (the edit
 * form); without it the select starts on "выберите канал", so no channel is chosen for the person.
 * @example <ChannelField v={v} state={state} name="channel" label={h.channel} />
 */
export const ChannelField: FC<{ v: View; state: FormState; name: string; label: string; current?: string }> = ({ v, state, name, label, current }) => {
  const h = v.t.hypothesis;
  const pick = current === undefined ? [{ value: "", label: h.channelPick }] : [];
  return (
    <>
      <Select state={state} name={name} label={label} value={current ?? ""} options={[...pick, ...channelChoices(v, current ?? "")]} />
      <Field state={state} name={typedChannelName(name)} label={h.channelTyped} hint={h.channelTypedHint} placeholder={h.channelExample} />
    </>
  );
};
