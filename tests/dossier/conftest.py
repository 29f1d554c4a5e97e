from tests.world import PASSWORD, ROLLEN, build_world, fast_password_hashing, world  # noqa: F401
