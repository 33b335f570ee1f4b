// action-item-changes-people: "be more careful", "train engineers", "remind everyone". Asking people to behave
// differently is the least reliable fix there is: people change teams, forget, and are tired at 3 a.m. Change the
// system so the mistake is hard to make or is caught (a check, a guard, a default, automation).
import type { Rule } from '../engine/types';
import { headRange, openItems, quote, words } from './support/util';

/** The phrase that asks people to change, or undefined. Pure: a function of the item text. */
export function peopleChange(text: string): string | undefined {
  const t = text.replace(/^\s*(?:\[[ xX]?\]\s*)?/, '').replace(/^\*\*[^*]{1,80}\*\*\s*[:：]?\s*/, '');
  const m =
    /\b(?:be (?:more |extra )?(?:careful|vigilant|mindful|diligent|cautious|aware)|pay (?:more |closer )?attention|double[- ]check|remind (?:everyone|people|engineers|the team|teams|developers|staff|all)|(?:re-?)?train(?:ing)? (?:the |all |our )?(?:engineers|developers|staff|people|team|teams|everyone|on-?call)|(?:educate|teach) (?:the |all |our )?(?:engineers|developers|staff|people|team|teams|everyone|product owners)|raise awareness|emphasi[sz]e the importance|re-?iterate the need|communicate (?:to|with) (?:everyone|all|the teams?)|make (?:sure )?(?:everyone|people|engineers|developers) (?:is |are )?(?:aware|know|careful|follow)|encourage (?:engineers|developers|teams|people|everyone)|discourage)\b/i.exec(
      t,
    );
  return m?.[0];
}

const rule: Rule<Record<string, never>> = {
  id: 'action-item-changes-people',
  description: 'Action items change systems, not people ("be more careful", "train engineers").',
  defaultSeverity: 'information',
  defaultOptions: {},
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  check(ctx) {
    const { model } = ctx;
    for (const item of openItems(model)) {
      const src = model.text.slice(item.textRange.start.offset, item.textRange.end.offset);
      const phrase = peopleChange(src);
      if (!phrase) continue;
      ctx.report({
        range: headRange(model, item),
        message: `'${quote(words(model, item))}' asks people to change ('${phrase}'): people move on, forget and get tired, so it fails again. Change the system so the mistake is hard to make or gets caught (a check in CI, a guard in the tool, a safer default).`,
      });
    }
  },
};

export default rule;
