import { describe, expect, it } from 'vitest';

import { candidateShare, scopeSplit } from './scope-routing';

const blueGreen = (status: string, desired: number) => ({
  status,
  strategy: 'blue_green',
  strategy_data: { desired_switched_traffic: desired },
});

describe('candidateShare', () => {
  it.each([
    ['creating', 40, 0],
    ['waiting_for_instances', 40, 0],
    ['running', 40, 40],
    ['finalizing', 40, 100],
    ['cancelling', 40, 0],
    ['rolling_back', 40, 0],
    ['failed', 40, 0],
  ])('a blue/green deployment %s with 40%% desired gets %i%%', (status, desired, share) => {
    expect(candidateShare(blueGreen(status, desired))).toBe(share);
  });

  it('gives a running initial deployment all the traffic', () => {
    expect(
      candidateShare({ status: 'running', strategy: 'initial', strategy_data: { desired_switched_traffic: 0 } }),
    ).toBe(100);
  });
});

describe('scopeSplit', () => {
  it('splits between the active and the candidate deployment', () => {
    expect(scopeSplit(1, { id: 2, share: 30 })).toEqual([
      { deploymentId: 1, weight: 70 },
      { deploymentId: 2, weight: 30 },
    ]);
  });

  it('sends everything to the active deployment when the candidate has no share', () => {
    expect(scopeSplit(1, { id: 2, share: 0 })).toEqual([{ deploymentId: 1, weight: 100 }]);
  });

  it('sends everything to the candidate when there is no active deployment', () => {
    expect(scopeSplit(undefined, { id: 2, share: 30 })).toEqual([{ deploymentId: 2, weight: 100 }]);
  });

  it('routes nothing when the scope has never been deployed', () => {
    expect(scopeSplit(undefined, undefined)).toEqual([]);
  });
});
