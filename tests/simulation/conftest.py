from tests.world import PASSWORD, fast_password_hashing, media_in_tmp, world  # noqa: F401
