/** mixai ML: the dataset layout, feature caching, training and the pluggable model runner. */
module io.mixai.ml {
    requires transitive io.mixai.core;
    requires io.mixai.dsp;
    requires org.slf4j;

    exports io.mixai.ml.dataset;
}
