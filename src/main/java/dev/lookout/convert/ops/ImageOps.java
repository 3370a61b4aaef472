package dev.lookout.convert.ops;

import static dev.lookout.convert.ops.OpContext.constIn;
import static dev.lookout.convert.ops.OpContext.one;
import static dev.lookout.convert.ops.Shapes.NHWC_TO_NCHW;

import dev.lookout.convert.ConversionException;
import dev.lookout.convert.TfNode;
import dev.lookout.convert.ops.Value.Dyn;
import dev.lookout.onnx.DataType;
import dev.lookout.onnx.OnnxGraph.Attribute;
import java.util.ArrayList;
import java.util.List;

/** TF.js's image family: bilinear and nearest-neighbour resize with TF's coordinate rules. */
final class ImageOps {

    private ImageOps() {
    }

    static void register(OpRegistry r) {
        r.add((node, x, cx) -> one(resize(node, x, cx.out())), "ResizeBilinear", "ResizeNearestNeighbor");
    }

    private static Dyn resize(TfNode node, List<Value> x, Emitter out) throws ConversionException {
        String n = node.name();
        Dyn input = out.dyn(x.get(0), n);
        long[] size = constIn(node, x, 1).longs();
        long batch = input.shape()[0];
        long channels = input.shape()[3];
        Dyn nchw = out.toPerm(input, NHWC_TO_NCHW);
        String sizes;
        if (batch >= 0 && channels >= 0) {
            sizes = out.vec(new long[] {batch, channels, size[0], size[1]}, n + "/sizes");
        } else { // an unknown batch (or channel count) is read at run time
            String nc = out.node("Shape", n + "/batch_channels", List.of(nchw.name()), new Attribute("start", 0L),
                    new Attribute("end", 2L));
            sizes = out.node("Concat", n + "/sizes", List.of(nc, out.vec(new long[] {size[0], size[1]},
                    n + "/height_width")), new Attribute("axis", 0L));
        }
        boolean bilinear = node.op().equals("ResizeBilinear");
        String transform = node.boolAttr("align_corners", false) ? "align_corners"
                : node.boolAttr("half_pixel_centers", false) ? (bilinear ? "half_pixel" : "tf_half_pixel_for_nn")
                : "asymmetric";
        List<Attribute> attrs = new ArrayList<>();
        attrs.add(new Attribute("coordinate_transformation_mode", transform));
        attrs.add(new Attribute("mode", bilinear ? "linear" : "nearest"));
        if (!bilinear) {
            attrs.add(new Attribute("nearest_mode", node.boolAttr("align_corners", false) ? "round_prefer_ceil"
                    : "floor"));
        }
        String o = out.node("Resize", n, List.of(nchw.name(), "", "", sizes), attrs.toArray(new Attribute[0]));
        return new Dyn(o, DataType.FLOAT, new long[] {batch, size[0], size[1], channels}, NHWC_TO_NCHW);
    }
}
