// The platform's refusals of a form's input said in the reader's language: a BAD_USER_INPUT error names
// the input field, and the texts may say what is wrong with it; otherwise the gateway's message stands.
import type { AskError } from '../../../graphql/ask.ts';
import type { Texts } from '../../../text/vi/index.ts';

export function inputErrorsIn(texts: Texts, errors: AskError[]): AskError[] {
  return errors.map((error) => {
    const field = error.extensions?.field;
    const words = error.extensions?.code === 'BAD_USER_INPUT' && typeof field === 'string' ? texts.citizen.inputErrors[field] : undefined;
    return words ? { ...error, message: words, localized: true } : error;
  });
}
