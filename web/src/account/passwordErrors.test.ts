import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { passwordProblem } from './passwordErrors.ts';

describe('password change problems', () => {
  it("shows a weak password's reason with the server's advice", () => {
    const error = new ApiError(400, 'WEAK_PASSWORD', 'newPassword: …', {
      at: 'newPassword',
      reason: 'guessable',
      score: 0,
      warning: 'Repeated characters like "aaa" are easy to guess.',
      suggestions: ['Add more words that are less common.'],
    });
    expect(passwordProblem(error)).toEqual({
      key: 'password.weak.guessable',
      params: { min: 10, max: 200, score: 0, needed: 3 },
      advice: ['Repeated characters like "aaa" are easy to guess.', 'Add more words that are less common.'],
      field: 'newPassword',
    });
  });

  it('points at the current password when it is wrong, and leaves other errors alone', () => {
    expect(passwordProblem(new ApiError(400, 'WRONG_PASSWORD', 'currentPassword: wrong password'))).toMatchObject({ key: 'password.wrongCurrent', field: 'currentPassword' });
    expect(passwordProblem(new ApiError(500, 'INTERNAL', 'internal error'))).toBeNull();
  });
});
