/** What `rc simulate --comment` knows of the comment it pretends was made. */
export interface CommentEventInput {
  /** The whole comment, command line first. */
  body: string;
  /** The commenter's login. */
  author: string;
  /** The issue commented on. */
  issue: number;
  /** Labels on that issue. */
  labels: string[];
  /** OWNER/REPO. */
  repository: string;
  /** When the comment was made; also its id, so each simulated comment is a new one. */
  at: Date;
}

const API = 'https://api.github.com';
const WEB = 'https://github.com';

function user(login: string, id: number) {
  return {
    login,
    id,
    node_id: `MDQ6VXNlcj${id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url: `${API}/users/${login}`,
    html_url: `${WEB}/${login}`,
    type: 'User',
    site_admin: false,
  };
}

/**
 * An `issue_comment` `created` event shaped as GitHub delivers it (the fields of
 * @octokit/webhooks-examples' payloads that rc or a workflow reads), for a comment that was never
 * made: `rc simulate --comment` runs the runner's steps on it.
 */
export function commentEvent(input: CommentEventInput): Record<string, unknown> {
  const [owner = 'octo-org', name = 'octo-repo'] = input.repository.split('/');
  const repo = `${API}/repos/${input.repository}`;
  const issueUrl = `${repo}/issues/${input.issue}`;
  const commentId = input.at.getTime();
  const when = input.at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const commenter = user(input.author, 1_000_001);
  const association = 'COLLABORATOR';
  return {
    action: 'created',
    issue: {
      url: issueUrl,
      repository_url: repo,
      labels_url: `${issueUrl}/labels{/name}`,
      comments_url: `${issueUrl}/comments`,
      events_url: `${issueUrl}/events`,
      html_url: `${WEB}/${input.repository}/issues/${input.issue}`,
      id: 1_000_000_000 + input.issue,
      node_id: `I_simulated${input.issue}`,
      number: input.issue,
      title: `Issue #${input.issue}`,
      user: commenter,
      labels: input.labels.map((label, index) => ({
        id: 2_000_000_000 + index,
        node_id: `LA_simulated${index}`,
        url: `${repo}/labels/${encodeURIComponent(label)}`,
        name: label,
        color: 'ededed',
        default: false,
        description: null,
      })),
      state: 'open',
      locked: false,
      assignee: null,
      assignees: [],
      milestone: null,
      comments: 1,
      created_at: when,
      updated_at: when,
      closed_at: null,
      author_association: association,
      body: null,
    },
    comment: {
      url: `${repo}/issues/comments/${commentId}`,
      html_url: `${WEB}/${input.repository}/issues/${input.issue}#issuecomment-${commentId}`,
      issue_url: issueUrl,
      id: commentId,
      node_id: `IC_simulated${commentId}`,
      user: commenter,
      created_at: when,
      updated_at: when,
      author_association: association,
      body: input.body,
    },
    repository: {
      id: 3_000_000_001,
      node_id: 'R_simulated',
      name,
      full_name: input.repository,
      private: false,
      owner: { ...user(owner, 1_000_002), type: 'Organization' },
      html_url: `${WEB}/${input.repository}`,
      url: repo,
      default_branch: 'main',
    },
    sender: commenter,
  };
}
