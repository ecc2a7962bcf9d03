/** A token of the real `ghp_` shape (36 characters after the prefix); not a real credential. */
export const FAKE_TOKEN = `ghp_${'A1b2C3d4E5'.repeat(3)}f6G7h8`;
