import { describe, expect, it } from 'vitest';

import { compareLink, repositoryWebAddress } from './compare-link';

const from = '3f9c2a1d8e7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a';
const to = '7a1e4c9b2d8f3a6e5c1b0d9f8e7a6c5b4d3e2f1a';

describe('compareLink', () => {
  it('links GitHub as compare/FROM...TO', () => {
    expect(compareLink('https://github.com/acme/shop', from, to)).toEqual({
      ok: true,
      host: 'github',
      url: `https://github.com/acme/shop/compare/${from}...${to}`,
    });
  });

  it('links GitLab as -/compare/FROM...TO, subgroups included', () => {
    expect(compareLink('https://gitlab.com/acme/platform/shop.git', from, to)).toEqual({
      ok: true,
      host: 'gitlab',
      url: `https://gitlab.com/acme/platform/shop/-/compare/${from}...${to}`,
    });
  });

  it('links Bitbucket as branches/compare/TO%0DFROM (the newer side first)', () => {
    expect(compareLink('https://bitbucket.org/acme/shop/', from, to)).toEqual({
      ok: true,
      host: 'bitbucket',
      url: `https://bitbucket.org/acme/shop/branches/compare/${to}%0D${from}`,
    });
  });

  it('reads ssh and scp-like repository addresses, and self-hosted GitHub and GitLab', () => {
    expect(repositoryWebAddress('git@github.com:acme/shop.git')).toEqual({
      host: 'github',
      base: 'https://github.com/acme/shop',
    });
    expect(repositoryWebAddress('ssh://git@gitlab.com/acme/shop.git')).toEqual({
      host: 'gitlab',
      base: 'https://gitlab.com/acme/shop',
    });
    expect(repositoryWebAddress('git@bitbucket.org:acme/shop.git')).toEqual({
      host: 'bitbucket',
      base: 'https://bitbucket.org/acme/shop',
    });
    expect(repositoryWebAddress('https://gitlab.example.com/team/app')).toEqual({
      host: 'gitlab',
      base: 'https://gitlab.example.com/team/app',
    });
    expect(repositoryWebAddress('https://WWW.GitHub.com/acme/shop')).toEqual({
      host: 'github',
      base: 'https://www.github.com/acme/shop',
    });
  });

  it('says why there is no link', () => {
    expect(compareLink(null, from, to)).toEqual({ ok: false, reason: 'the application has no repository_url' });
    expect(compareLink('https://git.example.com/acme/shop', from, to)).toEqual({
      ok: false,
      reason: 'git.example.com is not GitHub, GitLab or Bitbucket: its compare page is unknown',
    });
    expect(compareLink('https://github.com/acme', from, to)).toEqual({
      ok: false,
      reason: 'the repository URL "https://github.com/acme" does not name an owner and a repository',
    });
    expect(compareLink('https://github.com/acme/shop', null, to)).toEqual({
      ok: false,
      reason: "the serving release's build has no commit id",
    });
    expect(compareLink('https://github.com/acme/shop', from, '--upload-pack=evil')).toEqual({
      ok: false,
      reason: `the candidate release's build names commit "--upload-pack=evil", which is not a git commit id`,
    });
    expect(compareLink('javascript:alert(1)', from, to)).toEqual({
      ok: false,
      reason: 'the repository URL "javascript:alert(1)" is not an http(s) or ssh address',
    });
  });
});
