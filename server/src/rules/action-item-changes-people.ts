// action-item-changes-people: "be more careful", "train engineers", "remind everyone". Asking people to behave
// differently is the least reliable fix there is: people change teams, forget, and are tired at 3 a.m. Change the
// system so the mistake is hard to make or is caught (a check, a guard, a default, automation).
import { readableSource } from '../model/html-regions';
import type { Rule } from '../model/types';
import { fit, headRange, openItems } from './support/util';

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
      const src = readableSource(model, item.textRange.start.offset, item.textRange.end.offset);
      const phrase = peopleChange(src);
      if (!phrase) continue;
      ctx.report({
        range: headRange(model, item),
        message: fit("'", phrase, "' asks people to change: change the system so the mistake gets caught."),
      });
    }
  },
};

export default rule;
