import { describe, expect, it } from 'vitest';
import { findOrchestrationConfig } from './find-orchestration-config';

// A file system of the paths given: files are listed as such, `.git` entries exist.
function fsOf(files: string[], gitDirs: string[] = []) {
  const seen: string[] = [];
  return {
    seen,
    fs: {
      isFile: (path: string) => {
        seen.push(path);
        return files.includes(path);
      },
      exists: (path: string) => gitDirs.includes(path),
    },
  };
}

describe('findOrchestrationConfig', () => {
  it('takes the file in the start directory first', () => {
    const { fs } = fsOf(['/r/a/orchestration.yaml', '/r/orchestration.yaml'], ['/r/.git']);
    expect(findOrchestrationConfig('/r/a', fs)).toEqual({
      file: '/r/a/orchestration.yaml',
      searchedUpTo: '/r/a',
    });
  });

  it('walks up to the git root and takes the file there', () => {
    const { fs, seen } = fsOf(['/r/orchestration.yaml'], ['/r/.git']);
    expect(findOrchestrationConfig('/r/a/b/c', fs)).toEqual({
      file: '/r/orchestration.yaml',
      searchedUpTo: '/r',
    });
    expect(seen).toEqual([
      '/r/a/b/c/orchestration.yaml',
      '/r/a/b/orchestration.yaml',
      '/r/a/orchestration.yaml',
      '/r/orchestration.yaml',
    ]);
  });

  it('never looks above the git root', () => {
    const { fs, seen } = fsOf(
      ['/orchestration.yaml', '/home/orchestration.yaml'],
      ['/home/r/.git'],
    );
    expect(findOrchestrationConfig('/home/r/sub', fs)).toEqual({
      file: null,
      searchedUpTo: '/home/r',
    });
    expect(seen).toEqual(['/home/r/sub/orchestration.yaml', '/home/r/orchestration.yaml']);
  });

  it('stops at the file-system root outside a repository', () => {
    const { fs, seen } = fsOf([]);
    expect(findOrchestrationConfig('/x/y', fs)).toEqual({ file: null, searchedUpTo: '/' });
    expect(seen).toEqual([
      '/x/y/orchestration.yaml',
      '/x/orchestration.yaml',
      '/orchestration.yaml',
    ]);
  });
});
