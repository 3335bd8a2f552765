import os
import random
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))
from djinn_client import KERNELS, Kernel  # noqa: E402


@pytest.fixture(scope="module")
def kernel():
    """One kernel (JDK 17) shared by the tests of a module. Each test declares the names it uses: the tests
    pass alone and in any order (DJINN_IT_ORDER=reverse or =shuffle:SEED checks that)."""
    k = Kernel(KERNELS[0])
    yield k
    k.shutdown()


@pytest.fixture()
def fresh_kernel():
    """A kernel (JDK 17) of the test's own, for a test that changes what names mean for the tests after it."""
    k = Kernel(KERNELS[0])
    yield k
    k.shutdown()


@pytest.fixture(scope="module", params=KERNELS)
def each_jdk_kernel(request):
    """One kernel per installed JDK (17, and 25 where present)."""
    k = Kernel(request.param)
    yield k
    k.shutdown()


def pytest_configure(config):
    config.addinivalue_line("markers", "soak: the long session test (1,000 cells); run alone with -m soak")
    config.addinivalue_line("markers", "timing: asserts a wall-clock limit (see djinn_client.assert_within)")


def pytest_collection_modifyitems(config, items):
    """DJINN_IT_ORDER=reverse or shuffle:SEED reorders the tests inside each module (modules stay in order,
    so a module's kernel is still started once): a test that leans on a name an earlier test declared fails."""
    order = os.environ.get("DJINN_IT_ORDER", "")
    if not order:
        return
    if order == "reverse":
        rearrange = list.reverse
    elif order.startswith("shuffle:"):
        generator = random.Random(order.split(":", 1)[1])
        rearrange = generator.shuffle
    else:
        raise pytest.UsageError(f"DJINN_IT_ORDER={order}: use reverse or shuffle:SEED")
    modules = {}
    for item in items:
        modules.setdefault(item.module.__name__, []).append(item)
    items.clear()
    for group in modules.values():
        rearrange(group)
        items.extend(group)
