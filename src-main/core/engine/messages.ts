// The engine's own few words, in the three languages of the interface.
import type { Lang } from '../contract';

const MESSAGES = {
  unsure: { en: 'Not sure', fr: 'Je ne sais pas', 'zh-TW': '不確定' },
  whyProbe: {
    en: 'Still possible: {list}. The answer tells which of them is the first one missing.',
    fr: 'Encore possibles : {list}. La réponse indique laquelle est la première qui manque.',
    'zh-TW': '仍有可能：{list}。這個答案可判斷其中哪一個是最先缺少的步驟。',
  },
  whyQuestion: {
    en: 'The answer decides which part of the integration to look at next.',
    fr: "La réponse décide quelle partie de l'intégration examiner ensuite.",
    'zh-TW': '這個答案決定接下來要檢查整合的哪一部分。',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export function message(key: keyof typeof MESSAGES, lang: Lang, vars: Record<string, string> = {}): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? '');
}
