/**
 * The user type the Express mounts default to: whatever the host's typings say `req.user` is
 * (Passport's `Express.User`, or the host's own augmentation of `Express.Request`), as long as it has
 * an `id`; otherwise `KitUser`. So `authorize: ({ user }) => user.isStaff` type-checks against the
 * host's own user without naming a type parameter.
 */
import type { Request } from 'express';
import type { KitUser } from '../src/index.js';

/** `req.user`'s type in the host's typings when it is a KitUser, else KitUser. */
export type RequestUser = Request extends { user?: infer T }
  ? NonNullable<T> extends KitUser
    ? NonNullable<T>
    : KitUser
  : KitUser;
