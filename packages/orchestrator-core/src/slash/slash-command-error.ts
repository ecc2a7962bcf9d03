/** Why a comment is not a valid slash command. */
export type SlashCommandErrorCode =
  | 'empty'
  | 'not_a_command'
  | 'too_long'
  | 'unterminated_quote'
  | 'too_many_arguments'
  | 'repeated_option'
  | 'invalid_static_arguments'
  | 'unknown_option'
  | 'unexpected_argument'
  | 'invalid_value'
  | 'conflicting_arguments'
  | 'missing_issue';

/** A typed parse failure: what is wrong and where (1-based column on the command line). */
export interface SlashCommandError {
  code: SlashCommandErrorCode;
  message: string;
  /** 1-based column in the command line, or null when the problem has no position. */
  column: number | null;
}
