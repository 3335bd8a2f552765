package io.djinn.runtime.device;

import ai.djl.ndarray.NDManager;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

/**
 * The notebook's {@code manager}: an NDManager that forwards every call to the manager of the current
 * default device, so {@code %device gpu} moves where new arrays go even for code that captured
 * {@code manager} earlier. Nothing is loaded until it is first used.
 */
public final class KernelManager implements InvocationHandler {

    private final Supplier<NDManager> current;

    private KernelManager(Supplier<NDManager> current) {
        this.current = current;
    }

    static NDManager create(Supplier<NDManager> current) {
        return (NDManager) Proxy.newProxyInstance(NDManager.class.getClassLoader(), new Class<?>[] {NDManager.class},
                new KernelManager(current));
    }

    /**
     * The DJL manager behind a notebook {@code manager} (the current default device's); any other manager
     * as it is. The runtime agent calls it where DJL casts a manager argument to its own class.
     */
    public static NDManager unwrap(NDManager manager) {
        if (manager != null && Proxy.isProxyClass(manager.getClass())
                && Proxy.getInvocationHandler(manager) instanceof KernelManager kernelManager) {
            return kernelManager.current.get();
        }
        return manager;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == arguments[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "the kernel's NDManager on " + DeviceNames.of(current.get().getDevice())
                        + " (it follows %device)";
            };
        }
        try {
            return method.invoke(current.get(), arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
