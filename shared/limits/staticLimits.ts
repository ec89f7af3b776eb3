// The limits an operation's text decides alone (no schema types, no variables, no caller): tokens while
// parsing; depth, aliases, directives, root fields and fields after fragment expansion as validation
// rules. Each walk visits a fragment once and remembers its figure (linear in the document's size,
// however often it is spread), so a fragment bomb is measured without being expanded.
import {
  GraphQLError,
  Kind,
  Lexer,
  parse,
  Source,
  TokenKind,
  validate,
  type ASTVisitor,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { LIMIT_CODES, limitRefusal, type LimitCode, type OperationLimits } from './operationLimits.ts';

export type Parsed = { document: DocumentNode } | { refusal: GraphQLError } | { syntaxError: GraphQLError };

/**
 * Parses with graphql-js's token ceiling, so a huge text costs no more than the limit to refuse. Over
 * it, one lexer pass (cheaper than a parse) gives the figures: aliases, if that is what the text is
 * full of (5,000 aliases are refused as aliases), else tokens.
 */
export function parseWithinLimits(text: string, limits: OperationLimits): Parsed {
  try {
    return { document: parse(text, { maxTokens: limits.maxTokens, noLocation: false }) };
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const counted = countTokens(text);
    if (counted === null || counted.tokens <= limits.maxTokens) return { syntaxError: error };
    if (counted.aliases > limits.maxAliases) return { refusal: aliasRefusal(counted.aliases, limits.maxAliases) };
    return { refusal: limitRefusal(LIMIT_CODES.tokens, `Query has ${counted.tokens} tokens, over the limit of ${limits.maxTokens}`) };
  }
}

/** Tokens of a text, and its aliases (a name then `:` outside any parentheses); null if it does not lex. */
export function countTokens(text: string): { tokens: number; aliases: number } | null {
  const lexer = new Lexer(new Source(text));
  let tokens = 0;
  let aliases = 0;
  let parentheses = 0;
  let previous: TokenKind | undefined;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      tokens += 1;
      if (token.kind === TokenKind.PAREN_L) parentheses += 1;
      else if (token.kind === TokenKind.PAREN_R) parentheses -= 1;
      else if (token.kind === TokenKind.COLON && previous === TokenKind.NAME && parentheses === 0) aliases += 1;
      previous = token.kind;
    }
  } catch {
    return null;
  }
  return { tokens, aliases };
}

function aliasRefusal(aliases: number, limit: number): GraphQLError {
  return limitRefusal(LIMIT_CODES.aliases, `Query has ${aliases} aliases, over the limit of ${limit}`);
}

/**
 * Everything the text alone decides, in one place for the gateway, the subgraphs and explainAccess:
 * parsed within the token limit, then the other static limits. A text that is not GraphQL is not
 * refused here: the caller's parser or server says what is wrong with it.
 */
export function measureText(schema: GraphQLSchema, text: string, limits: OperationLimits): Parsed {
  const parsed = parseWithinLimits(text, limits);
  if (!('document' in parsed)) return parsed;
  const refusal = staticLimitRefusal(schema, parsed.document, limits);
  return refusal ? { refusal } : parsed;
}

/** The first limit the document breaks, in a fixed order, or null. Runs no rule but these. */
export function staticLimitRefusal(schema: GraphQLSchema, document: DocumentNode, limits: OperationLimits): GraphQLError | null {
  const errors = validate(schema, document, staticLimitRules(limits));
  for (const code of CHECK_ORDER) {
    const found = errors.find((error) => error.extensions.code === code);
    if (found) return found;
  }
  return errors[0] ?? null;
}

const CHECK_ORDER: readonly LimitCode[] = [LIMIT_CODES.depth, LIMIT_CODES.aliases, LIMIT_CODES.rootFields, LIMIT_CODES.directives, LIMIT_CODES.fields];

export function staticLimitRules(limits: OperationLimits): ValidationRule[] {
  return [
    // graphql-armor counts and memoises per fragment; it reports the figure only in its own message.
    maxDepthRule({
      n: limits.maxDepth,
      ignoreIntrospection: false, // a 30-level __schema { types { fields { type { ofType … } } } } is a bomb too
      flattenFragments: true, // a fragment is not a level of the answer
      propagateOnRejection: false,
      onReject: [reportFrom(LIMIT_CODES.depth, (figure) => `Query depth ${figure} exceeds the limit of ${limits.maxDepth}`)],
    }),
    maxAliasesRule({
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: [reportFrom(LIMIT_CODES.aliases, (figure) => `Query has ${figure} aliases, over the limit of ${limits.maxAliases}`)],
    }),
    maxDirectivesRule({
      n: limits.maxDirectives,
      propagateOnRejection: false,
      onReject: [reportFrom(LIMIT_CODES.directives, (figure) => `Query has ${figure} directives, over the limit of ${limits.maxDirectives}`)],
    }),
    countedRule(rootFieldCount, LIMIT_CODES.rootFields, limits.maxRootFields, (figure) => `Query asks for ${figure} root fields, over the limit of ${limits.maxRootFields}`),
    countedRule(expandedFieldCount, LIMIT_CODES.fields, limits.maxFields, (figure) => `Query has ${figure} fields once its fragments are expanded, over the limit of ${limits.maxFields}`),
  ];
}

/** graphql-armor's rejection, reported as our refusal; its figure is read from its message ("found 31."). */
function reportFrom(code: LimitCode, message: (figure: string) => string) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    const figure = /found (\d+)/.exec(error.message)?.[1] ?? 'more';
    context?.reportError(limitRefusal(code, message(figure)));
  };
}

type Fragments = ReadonlyMap<string, SelectionSetNode>;

function countedRule(
  count: (operation: OperationDefinitionNode, fragments: Fragments, memo: Map<string, number>) => number,
  code: LimitCode,
  limit: number,
  message: (figure: number) => string,
): ValidationRule {
  return (context): ASTVisitor => {
    const fragments = new Map(context.getDocument().definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition.selectionSet] as const] : [])));
    const memo = new Map<string, number>();
    return {
      OperationDefinition(operation) {
        const figure = count(operation, fragments, memo);
        if (figure > limit) context.reportError(limitRefusal(code, message(figure)));
        return false; // fragments are reached through their spreads
      },
    };
  };
}

/** Fields of the operation with every fragment spread replaced by its fields (each fragment counted once). */
export function expandedFieldCount(operation: OperationDefinitionNode, fragments: Fragments, memo = new Map<string, number>()): number {
  const ofFragment = (name: string): number => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    memo.set(name, 0); // a cycle (refused by validation) counts once
    const selectionSet = fragments.get(name);
    const figure = selectionSet ? ofSelections(selectionSet) : 0;
    memo.set(name, figure);
    return figure;
  };
  const ofSelections = (selectionSet: SelectionSetNode): number => {
    let figure = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) figure += 1 + (selection.selectionSet ? ofSelections(selection.selectionSet) : 0);
      else if (selection.kind === Kind.INLINE_FRAGMENT) figure += ofSelections(selection.selectionSet);
      else figure += ofFragment(selection.name.value);
    }
    return figure;
  };
  return ofSelections(operation.selectionSet);
}

/** Fields at the top of the operation, through fragments on the root type. */
export function rootFieldCount(operation: OperationDefinitionNode, fragments: Fragments, memo = new Map<string, number>()): number {
  const key = (name: string) => `root:${name}`;
  const ofSelections = (selectionSet: SelectionSetNode): number => {
    let figure = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) figure += 1;
      else if (selection.kind === Kind.INLINE_FRAGMENT) figure += ofSelections(selection.selectionSet);
      else {
        const known = memo.get(key(selection.name.value));
        if (known !== undefined) {
          figure += known;
          continue;
        }
        memo.set(key(selection.name.value), 0);
        const selectionSet = fragments.get(selection.name.value);
        const counted = selectionSet ? ofSelections(selectionSet) : 0;
        memo.set(key(selection.name.value), counted);
        figure += counted;
      }
    }
    return figure;
  };
  return ofSelections(operation.selectionSet);
}
