package io.djinn.runtime.agent;

/** Loads one class from the given bytes (a rewritten DJL class) and everything else from the tests' loader. */
final class OneClassLoader extends ClassLoader {

    private final String className;
    private final byte[] classFile;

    /** @param internalName the class's internal name, e.g. ai/djl/pytorch/jni/JniUtils */
    OneClassLoader(String internalName, byte[] classFile) {
        super(OneClassLoader.class.getClassLoader());
        this.className = internalName.replace('/', '.');
        this.classFile = classFile;
    }

    /** The class file of a class on the tests' class path, as a transformer receives it. */
    static byte[] classFile(String internalName) throws java.io.IOException {
        try (java.io.InputStream in = OneClassLoader.class.getClassLoader().getResourceAsStream(internalName + ".class")) {
            if (in == null) {
                throw new java.io.FileNotFoundException(internalName + ".class is not on the class path");
            }
            return in.readAllBytes();
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.equals(className)) {
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : defineClass(name, classFile, 0, classFile.length);
            }
        }
        return super.loadClass(name, resolve);
    }
}
