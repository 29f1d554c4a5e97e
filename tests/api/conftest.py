from tests.world import PASSWORD, ROLLEN, build_world, fast_password_hashing, media_in_tmp, world  # noqa: F401
