/** True for GitHub Apps and other bots: `type: Bot`, or a login ending in `[bot]`. */
export function isBot(user: { login: string; type?: string | undefined }): boolean {
  return user.type === 'Bot' || user.login.toLowerCase().endsWith('[bot]');
}
