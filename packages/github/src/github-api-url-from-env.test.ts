import { describe, expect, it } from 'vitest';
import { DEFAULT_GITHUB_API_URL, githubApiUrlFromEnv } from './github-api-url-from-env';

describe('githubApiUrlFromEnv', () => {
  it.each([
    [{ GITHUB_API_URL: 'https://ghe.example.com/api/v3' }, 'https://ghe.example.com/api/v3'],
    [{ GITHUB_API_URL: ' http://127.0.0.1:3000 ' }, 'http://127.0.0.1:3000'],
    [{ GITHUB_API_URL: '' }, 'https://api.github.com'],
    [{}, 'https://api.github.com'],
  ])('reads %j as %s', (env, url) => {
    expect(githubApiUrlFromEnv(env)).toBe(url);
  });

  it('defaults to the public API', () => {
    expect(DEFAULT_GITHUB_API_URL).toBe('https://api.github.com');
  });
});
