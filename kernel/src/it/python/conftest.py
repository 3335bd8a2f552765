import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))
from djinn_client import KERNELS, Kernel  # noqa: E402


@pytest.fixture(scope="module")
def kernel():
    """One kernel (JDK 17) shared by the tests of a module."""
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
